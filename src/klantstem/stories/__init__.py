"""Stories told step by step: the guided interview, its follow-up questions and the read-back summary."""
