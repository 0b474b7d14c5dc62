/**
 * 3D objects for the course's ModelNet chapter: mesh files (OFF, OBJ, STL), points sampled on their surface, occupancy
 * voxels, and a generator of ModelNet10-like objects. No JavaFX: the command line and the tests use it without a display.
 */
package org.kernellab.mesh;
