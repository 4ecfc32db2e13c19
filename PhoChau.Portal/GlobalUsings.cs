// What the portal's files share: Core's common ground, roles and tenancy, and the portal's own texts and security.
global using Microsoft.Extensions.Localization;
global using Microsoft.Extensions.Options;
global using PhoChau.Core.Commune;
global using PhoChau.Core.Common;
global using PhoChau.Core.Persistence;
global using PhoChau.Core.Security;
global using PhoChau.Portal.Resources;
global using PhoChau.Portal.Security;
