import { UserManager } from 'oidc-client-ts';

// The hidden frame of a silent sign-in: hands the IdP's answer to the app's window.
void new UserManager({ authority: '', client_id: '', redirect_uri: '' }).signinSilentCallback();
