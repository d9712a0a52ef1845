#pragma once

// A program on a pseudo-terminal, for remote terminals (issue 38). The
// agent reads what the program writes and forwards it; the operator's
// keystrokes come back through write(). Linux: LinuxPty.cpp; other
// systems answer NOT_SUPPORTED (FallbackPty.cpp).
//
// Errors carry the wire reason in details["code"]: INVALID_PROGRAM,
// PROGRAM_NOT_EXECUTABLE, INVALID_ARGUMENT, INVALID_ENVIRONMENT,
// INVALID_SIZE (ValidationError); PROGRAM_NOT_FOUND,
// WORKING_DIRECTORY_NOT_FOUND (ResourceNotFound); PTY_FAILED, SPAWN_FAILED,
// EXEC_FAILED (IoError); NOT_SUPPORTED (InternalError).

#include "common/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QMap>
#include <QObject>
#include <QString>
#include <QStringList>
#include <memory>

namespace hm::agent {

struct PtyOptions
{
    QString program;       // absolute path of an executable, run directly (no shell)
    QStringList arguments; // after argv[0], which is program
    // Must exist; empty means the home directory of the agent's account.
    QString workingDirectory;
    // Added to (and overriding) a minimal clean environment: PATH, HOME,
    // USER, SHELL, LANG and TERM=xterm-256color. Nothing of the agent's own
    // environment (its secrets) reaches the program.
    QMap<QString, QString> environment;
    int rows = 24; // 1 … kMaxPtySize, as resize()
    int cols = 80;
};

inline constexpr int kMaxPtySize = 1000;

class Pty : public QObject
{
    Q_OBJECT
public:
    // Starts the program in a new session with the terminal as its
    // controlling terminal. On an error no child is left behind.
    static Result<std::unique_ptr<Pty>> start(const PtyOptions &options);
    // The Linux Pty kills what still runs of the session (SIGKILL) and
    // reaps the program without blocking.
    ~Pty() override = default;

    // Queues input for the program; returns the bytes accepted (fewer when
    // 1 MiB of input is already waiting for a program that does not read),
    // -1 once the terminal is closed.
    virtual qint64 write(QByteArrayView data) = 0;
    // What is available now, up to maxBytes (at most 64 KiB a call);
    // never blocks. Empty when nothing is there.
    virtual QByteArray read(qint64 maxBytes) = 0;
    // Flow control: while paused, the terminal is not read at all, so its
    // kernel buffer fills and the program blocks in write(); nothing
    // piles up in the agent's memory. readyRead() follows on resume when
    // data is waiting.
    virtual void setReadPaused(bool paused) = 0;
    virtual bool isReadPaused() const = 0;
    // The window size (the program gets SIGWINCH); 1 … kMaxPtySize each.
    virtual Status resize(int rows, int cols) = 0;
    virtual qint64 pid() const = 0;
    // SIGHUP (and SIGCONT, for stopped jobs) to the session's process
    // group, SIGKILL to what is left of it after a grace period. Returns
    // at once; finished() follows.
    virtual void terminate() = 0;
    // The working directory of the terminal's foreground process (a
    // command the shell runs), else of the program; empty when unknown.
    virtual QString currentWorkingDirectory() const = 0;

signals:
    // Output is waiting. Emitted once per edge: call read() until it
    // returns empty (or fewer bytes than asked); then the next output
    // signals again.
    void readyRead();
    // Once, after the program has exited and its output has ended (or a
    // moment later when background processes keep the terminal open).
    // exitCode is the program's exit status, or -1 when a signal
    // (signal ≠ 0) ended it. What remains unread stays readable.
    // Do not delete the Pty in a slot connected to its signals; use
    // deleteLater().
    void finished(int exitCode, int signal);

protected:
    explicit Pty(QObject *parent = nullptr) : QObject(parent) {}
};

} // namespace hm::agent
