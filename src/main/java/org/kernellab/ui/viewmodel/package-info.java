/**
 * What view-models share: plain JavaFX properties, no controls, so view-models are tested without a window.
 */
package org.kernellab.ui.viewmodel;
