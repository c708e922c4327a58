// Where the console's API lives; the browser app's pages are everything else under /console/.
export const CONSOLE_API_PREFIX = '/console/api';
