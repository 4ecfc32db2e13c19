namespace PhoChau.Portal.Components.Layout;

public enum DisplayMode { Light, Dark, Projection }
