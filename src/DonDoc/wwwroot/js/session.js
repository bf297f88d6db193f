// Watches the person, not the connection: only their own input counts as activity, so a page left open
// (with its live updates still arriving) still reaches the idle timeout. See SessionWatch.razor.
let lastInput = Date.now();
let lastRenewal = Date.now();
for (const kind of ['pointerdown', 'keydown', 'wheel', 'touchstart']) {
    addEventListener(kind, () => { lastInput = Date.now(); }, { capture: true, passive: true });
}

// Renews the sign-in cookie (a plain request slides it) when the person was active since the last renewal.
export async function check(renewUrl, renewEveryMs) {
    const now = Date.now();
    let status = 0;
    if (lastInput > lastRenewal && now - lastRenewal >= renewEveryMs) {
        status = (await fetch(renewUrl, { credentials: 'same-origin', cache: 'no-store' })).status;
        lastRenewal = now;
    }
    return { idleMs: now - lastInput, status };
}

export async function signOut(token) {
    const body = new FormData();
    body.append('__RequestVerificationToken', token);
    await fetch('/dang-xuat', { method: 'POST', body, credentials: 'same-origin' });
    location.assign('/dang-nhap?het-phien=1');
}
