// How long a console password must be: shared by the service and the browser app, which checks it
// before sending. Long enough that a guessed list fails; a passphrase fits.
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;
