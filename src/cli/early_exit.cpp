#include "cli/early_exit.h"

#include <fcntl.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <iostream>

namespace cutover {

int fork_for_early_exit() {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) return -1;
  const pid_t parent = ::getpid();
  const pid_t child = ::fork();
  if (child < 0) {
    ::close(fds[0]);
    ::close(fds[1]);
    return -1;
  }
  if (child == 0) {
    ::close(fds[0]);
    // A parent killed before the child reported (a timeout, a signal to
    // the parent alone) takes the unfinished run with it.
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != parent) ::_exit(1);
    return fds[1];
  }
  ::close(fds[1]);
  unsigned char code = 0;
  ssize_t n;
  while ((n = ::read(fds[0], &code, 1)) < 0 && errno == EINTR) {
  }
  if (n == 1) ::_exit(code);
  // The child ended without reporting: end the same way.
  int status = 0;
  while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFSIGNALED(status)) {
    std::signal(WTERMSIG(status), SIG_DFL);
    ::raise(WTERMSIG(status));
    ::_exit(128 + WTERMSIG(status));
  }
  ::_exit(WIFEXITED(status) ? WEXITSTATUS(status) : 1);
}

void report_exit(int handle, int code) {
  if (handle < 0) return;
  std::cout.flush();
  std::cerr.flush();
  std::fflush(nullptr);
  // A caller reads our output to its end: let go of it before the parent
  // exits, or the reader would wait for the child's teardown too.
  const int null = ::open("/dev/null", O_RDWR | O_CLOEXEC);
  if (null >= 0) {
    for (int fd = 0; fd <= 2; ++fd)
      ::dup2(null, fd);
    ::close(null);
  }
  const auto byte = static_cast<unsigned char>(code);
  while (::write(handle, &byte, 1) < 0 && errno == EINTR) {
  }
  ::close(handle);
}

}  // namespace cutover
