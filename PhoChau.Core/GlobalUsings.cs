// What nearly every Core file uses: EF Core, and the project's common ground (errors, tenancy, persistence, texts, roles).
global using Microsoft.EntityFrameworkCore;
global using PhoChau.Core.Commune;
global using PhoChau.Core.Common;
global using PhoChau.Core.Persistence;
global using PhoChau.Core.Resources;
global using PhoChau.Core.Security;
