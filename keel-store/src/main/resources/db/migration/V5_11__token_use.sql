-- The day a token was last used (UTC). Authentication writes the audit event token.used only when
-- this moves to a new day, so the trail records each token's first use per day, not every request.
ALTER TABLE api_token ADD COLUMN last_used_on DATE;
