/**
 * Datasets (Fashion-MNIST and the embedded subset) for the lessons and the command line.
 * No JavaFX here: the command line and the tests use this package without a display.
 */
package org.kernellab.data;
