"""The app's side of team plans: live changes from the other apps, the connection's state."""
