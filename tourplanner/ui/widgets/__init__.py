"""Small widgets the pages and dialogs share: form rows, a chooser, the zone picker."""
