"""The trainee classroom shell and the per-kernel session (who is this trainee, which language)."""
