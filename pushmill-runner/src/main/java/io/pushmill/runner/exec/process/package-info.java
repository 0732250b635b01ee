/**
 * Child processes for jobs: launching with a cleared environment and a session of their own,
 * streaming merged output to the job's log, ending whole process trees, and per-job directories.
 */
package io.pushmill.runner.exec.process;
