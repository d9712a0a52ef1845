#include "agent/SelfExec.h"

#include <QFile>
#include <cerrno>
#include <cstring>
#include <vector>
#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace hm::agent {

Status execProgram(const QString &program, const QStringList &arguments)
{
#ifdef Q_OS_UNIX
    QByteArrayList encoded;
    for (const QString &argument : arguments)
        encoded.append(QFile::encodeName(argument));
    std::vector<char *> argv;
    for (QByteArray &argument : encoded)
        argv.push_back(argument.data());
    argv.push_back(nullptr);
    const QByteArray path = QFile::encodeName(program);
    ::execv(path.constData(), argv.data());
    return Error{ErrorCode::IoError, QStringLiteral("cannot start %1 again: %2")
                                         .arg(program, QString::fromLocal8Bit(std::strerror(errno)))};
#else
    Q_UNUSED(arguments);
    return Error{ErrorCode::IoError, QStringLiteral("cannot restart %1 here").arg(program)};
#endif
}

} // namespace hm::agent
