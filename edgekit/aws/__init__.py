"""AWS access: sessions, the read-only guard, call accounting. Only ``collect`` uses this layer."""
