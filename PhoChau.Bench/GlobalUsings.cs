// What the benchmarks share: the clock they measure with, the container, the actors.
global using System.Diagnostics;
global using Microsoft.Extensions.DependencyInjection;
global using PhoChau.Core.Security;
