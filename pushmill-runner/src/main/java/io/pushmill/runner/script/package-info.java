/** Scripts by path: versions, hashes, and the args schema from the language runtime's analysis. */
package io.pushmill.runner.script;
