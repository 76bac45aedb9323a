/**
 * The configuration: YAML in, immutable validated records out. Validation reports every error it
 * finds, each as {@code file:line:col: message}, and a config with any error is never run.
 */
package io.proxima.config;
