/**
 * The course's networks (an MLP and a small CNN for Fashion-MNIST) built and trained with ND4J's
 * SameDiff. No JavaFX here: training runs from the command line and, later, in background tasks.
 */
package org.kernellab.model;
