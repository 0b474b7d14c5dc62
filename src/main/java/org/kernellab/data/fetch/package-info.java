/**
 * Data sets from their publishers' servers (or a mirror) into the user's data folder: resumable, verified downloads
 * that never leave a partial or corrupt file where the app reads data. No JavaFX; the app and the command line share
 * it.
 */
package org.kernellab.data.fetch;
