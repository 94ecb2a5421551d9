"""One page per step of the main window."""
