/**
 * Where the app is and where the user's files go: the per-user folders each system expects (XDG on Linux), and the
 * versions the About dialog and {@code kernellab version} show. No JavaFX, no ND4J: the command line uses it too.
 */
package org.kernellab.install;
