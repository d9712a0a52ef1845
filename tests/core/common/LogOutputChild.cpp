// Child process of TestLogOutput: writes log lines through the installed
// handler (stderr is a pipe there, so info lines are batched) and then
// ends in the way argv[1] names.
#include "common/LogFormatter.h"
#include "common/LogOutput.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcChild, "hivemind.test.child")

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    hm::logging::install(hm::logging::Format::Text);
    const char *mode = argc > 1 ? argv[1] : "";
    if (std::strcmp(mode, "idle") == 0) {
        // One info line, then nothing: the flusher alone must write it.
        qCInfo(lcChild) << "idle-line";
        std::printf("logged\n");
        std::fflush(stdout);
        char byte;
        while (::read(STDIN_FILENO, &byte, 1) > 0) {
        }
        return 0;
    }
    if (std::strcmp(mode, "order") == 0) {
        // A warning writes what is pending first; _exit skips every
        // exit-time flush, so only that can have written the info lines.
        qCInfo(lcChild) << "line-1";
        qCInfo(lcChild) << "line-2";
        qCWarning(lcChild) << "line-3";
        ::_exit(0);
    }
    if (std::strcmp(mode, "exit") == 0) {
        for (int i = 0; i < 1000; ++i)
            qCInfo(lcChild).noquote() << "exit-line" << i;
        return 0; // written by the exit-time flush
    }
    if (std::strcmp(mode, "file-abort") == 0 && argc > 2) {
        // --log-file: lines go through the log thread; an error is written
        // before the abort that follows it, the info lines before it too.
        if (!hm::logging::LogOutput::setFile(QString::fromLocal8Bit(argv[2]), 1 << 20, 1)
                 .isEmpty())
            return 3;
        qCInfo(lcChild) << "file-line-1";
        qCWarning(lcChild) << "file-line-2";
        qCCritical(lcChild) << "file-line-3";
        std::abort();
    }
    if (std::strcmp(mode, "file-exit") == 0 && argc > 2) {
        if (!hm::logging::LogOutput::setFile(QString::fromLocal8Bit(argv[2]), 1 << 20, 1)
                 .isEmpty())
            return 3;
        for (int i = 0; i < 1000; ++i)
            qCInfo(lcChild).noquote() << "exit-line" << i;
        return 0; // written by the exit-time flush, to the file
    }
    return 2;
}
