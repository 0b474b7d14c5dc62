/**
 * Networks built and trained with ND4J (the course's MLP and CNN). No JavaFX here: training runs from the
 * command line and in background tasks alike.
 */
package org.kernellab.model;
