"""The main window and the collaborators it is built from (menus, file, booking and export
actions), each taking a small declared `WindowContext` instead of being a mixin."""
