package org.kernellab.ui;
public class KernelLabApp { public static void main(String[] a) {} }
