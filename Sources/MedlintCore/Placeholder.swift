public enum PlaceholderMedlintCore {}
