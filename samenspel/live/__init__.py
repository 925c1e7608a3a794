"""Live updates over WebSockets: transport only, no domain code."""
