#pragma once
// The last 45 ms of a scan of a million lines are the kernel taking back
// the process's memory (650 MB) after main returns. As mold does, the
// command runs in a forked child: the parent exits with the child's code as
// soon as the child reports it, so the caller has its answer (outputs
// committed, stdout and stderr complete) while the child's memory goes back
// in the background. Killing the parent kills the child.

namespace cutover {

// Forks, and returns in the child the handle report_exit needs. The parent
// never returns: it exits with the code the child reports, or, if the child
// dies first, as the child did. Returns -1, without forking, when the fork
// fails. Call it while the process has one thread.
int fork_for_early_exit();

// In the child: flushes and lets go of stdin, stdout and stderr, then hands
// `code` to the parent. A no-op for the handle -1.
void report_exit(int handle, int code);

}  // namespace cutover
