#pragma once

// The kernel-level half of ConfinedFiles' confinement (Linux): turns a
// checked relative path into descriptors that are known to lie beneath a
// root's descriptor. Everything else in ConfinedFiles acts through these
// descriptors (…at() calls on a resolved parent), never through a path
// string, so a symlink or directory swapped in afterwards redirects
// nothing.

#include "agent/ConfinedPath.h"
#include "agent/FileRoots.h"
#include "common/Result.h"

#include <utility>

namespace hm::agent {

// Owns one file descriptor.
class ConfinedFd
{
public:
    ConfinedFd() = default;
    explicit ConfinedFd(int fd) : m_fd(fd) {}
    ConfinedFd(ConfinedFd &&other) noexcept : m_fd(std::exchange(other.m_fd, -1)) {}
    ConfinedFd &operator=(ConfinedFd &&other) noexcept
    {
        if (this != &other)
            reset(std::exchange(other.m_fd, -1));
        return *this;
    }
    ConfinedFd(const ConfinedFd &) = delete;
    ConfinedFd &operator=(const ConfinedFd &) = delete;
    ~ConfinedFd() { reset(); }

    int get() const { return m_fd; }
    bool valid() const { return m_fd >= 0; }
    void reset(int fd = -1);
    // Gives the descriptor up: the caller closes it.
    int release() { return std::exchange(m_fd, -1); }

private:
    int m_fd = -1;
};

// Maps an errno from a file operation on `path` to ConfinedFiles' errors.
Error confinedErrnoError(int error, const QString &path);

class ConfinedResolver
{
public:
    explicit ConfinedResolver(bool useOpenat2) : m_openat2(useOpenat2) {}

    // Whether this kernel has a usable openat2 (probed once per process;
    // ENOSYS, E2BIG, and EPERM from a seccomp filter that predates it, mean
    // no).
    static bool kernelHasOpenat2();
    bool usesOpenat2() const { return m_openat2; }

    // The root directory itself (O_RDONLY | O_DIRECTORY). Its configured
    // path is the operator's trusted configuration, so it is opened as a
    // path.
    static Result<ConfinedFd> openRoot(const FileRoot &root);

    // `components` beneath `rootFd` as a directory, O_RDONLY | O_DIRECTORY.
    // An empty list is the root.
    Result<ConfinedFd> openDirectory(int rootFd, const QList<QByteArray> &components,
                                     const QString &shown) const;
    // The directory holding `path`'s final component.
    Result<ConfinedFd> openParent(int rootFd, const ConfinedPath &path) const
    {
        return openDirectory(rootFd, path.parentComponents(), path.shown);
    }
    // `path` (not the root) opened with `flags` (O_CLOEXEC and O_NOCTTY
    // added). With openat2 a final symlink is followed if it stays beneath
    // the root; the walk opens it with O_NOFOLLOW and refuses it.
    Result<ConfinedFd> openEntry(int rootFd, const ConfinedPath &path, int flags) const;

private:
    Result<ConfinedFd> openat2Beneath(int rootFd, const QByteArray &path, int flags,
                                      const QString &shown) const;

    bool m_openat2;
};

} // namespace hm::agent
