import { InMemoryWebStorage, UserManager, WebStorageStateStore, type User } from 'oidc-client-ts';
import type { RuntimeConfig } from './config';

/**
 * OIDC authorization code + PKCE against the realm's public client. Tokens live only in memory
 * (InMemoryWebStorage); only the short-lived PKCE state of a redirect passes through sessionStorage.
 * A reload signs in again through the IdP session: silently in a hidden frame, else by a redirect
 * that the IdP answers without a prompt while its session lives.
 */
const SIGNED_IN = 'lagebild.signed-in';
let manager: UserManager | undefined;
let user: User | null = null;
const listeners = new Set<() => void>();

export function setUpAuth(config: RuntimeConfig): UserManager {
  const origin = window.location.origin;
  manager = new UserManager({
    authority: config.oidcIssuer,
    client_id: config.oidcClientId,
    redirect_uri: origin + '/',
    silent_redirect_uri: origin + '/silent-renew.html',
    post_logout_redirect_uri: origin + '/',
    response_type: 'code',
    scope: 'openid profile',
    userStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
    automaticSilentRenew: true,
    accessTokenExpiringNotificationTimeInSeconds: 60,
    silentRequestTimeoutInSeconds: 5,
    monitorSession: false,
  });
  manager.events.addUserLoaded((loadedUser) => { user = loadedUser; listeners.forEach((l) => l()); });
  manager.events.addUserUnloaded(() => { user = null; listeners.forEach((l) => l()); });
  manager.events.addSilentRenewError(() => listeners.forEach((l) => l()));
  return manager;
}

function um(): UserManager {
  if (!manager) throw new Error('auth not set up');
  return manager;
}

/** Finishes a redirect from the IdP, or signs in silently through the IdP session. */
export async function restoreSession(): Promise<'signed-in' | 'signed-out'> {
  const url = new URL(window.location.href);
  if (url.searchParams.has('code') && url.searchParams.has('state')) {
    user = (await um().signinRedirectCallback()) ?? null;
    window.history.replaceState(null, '', '/' + (user?.url_state ?? ''));
    return user ? 'signed-in' : 'signed-out';
  }
  if (url.searchParams.has('error')) {
    window.history.replaceState(null, '', '/');
    return 'signed-out';
  }
  try {
    user = await um().signinSilent();
    if (user) return 'signed-in';
  } catch { /* no IdP session, or the browser blocks the hidden frame */ }
  if (sessionStorage.getItem(SIGNED_IN) === '1') {
    // Signed in before in this tab: the IdP's session answers the redirect without a prompt.
    sessionStorage.removeItem(SIGNED_IN);
    await signIn();
    return new Promise(() => undefined);
  }
  return 'signed-out';
}

/** Marks this tab as signed in, so that a reload whose silent sign-in fails redirects instead of asking. */
export function rememberSignedIn(): void {
  sessionStorage.setItem(SIGNED_IN, '1');
}

export function signIn(): Promise<void> {
  return um().signinRedirect({ url_state: window.location.hash });
}

/** Ends the IdP session too (RP-initiated logout with the id token as hint). */
export async function signOut(): Promise<void> {
  const idToken = user?.id_token;
  user = null;
  sessionStorage.removeItem(SIGNED_IN);
  await um().signoutRedirect({ id_token_hint: idToken });
}

export function accessToken(): string | undefined {
  return user && !user.expired ? user.access_token : undefined;
}

/** A valid token, renewed first when it is about to expire. */
export async function freshToken(): Promise<string | undefined> {
  if (user && (user.expires_in ?? 0) < 30) {
    try { user = await um().signinSilent(); } catch { /* the caller sees the missing token */ }
  }
  return accessToken();
}

export function onAuthChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
