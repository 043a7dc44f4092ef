-- The audit triggers of the new login tables, made before tvaers_audit_attach_all() would make them
-- without arguments: the TOTP secret, the step of the last code and the stored ID token never reach the log.
CREATE TRIGGER totp_secrets_audit AFTER INSERT OR UPDATE OR DELETE ON totp_secrets FOR EACH ROW EXECUTE FUNCTION tvaers_audit('secret', 'last_step');
--> statement-breakpoint
CREATE TRIGGER oidc_sessions_audit AFTER INSERT OR UPDATE OR DELETE ON oidc_sessions FOR EACH ROW EXECUTE FUNCTION tvaers_audit('id_token');
