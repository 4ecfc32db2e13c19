// What nearly every test uses: its hosts and data helpers, the container, and the actors of each role.
global using Microsoft.Extensions.DependencyInjection;
global using PhoChau.Core.Security;
global using PhoChau.Tests.Support;
