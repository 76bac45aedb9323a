package io.proxima.config;

import org.yaml.snakeyaml.nodes.Node;

/** A value read from the config and the node it came from: checks across sections point there. */
record Located<T>(T value, Node node) { }
