"""Staff users: sign-in with Argon2 hashes and a lockout, roles and what each may do, API tokens."""
