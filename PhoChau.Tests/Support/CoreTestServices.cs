using Microsoft.Extensions.DependencyInjection;

namespace PhoChau.Tests.Support;

/// <summary>Services added by later features, registered in one place for every Core test host.</summary>
internal static class CoreTestServices
{
    public static void Add(IServiceCollection services)
    {
    }
}
