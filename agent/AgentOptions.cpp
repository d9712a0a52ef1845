#include "agent/AgentOptions.h"

#include "fleet/AgentProtocol.h"

#include <QCommandLineParser>
#include <QDir>
#include <QProcess>
#include <QFileInfo>
#include <QJsonObject>
#include <QSettings>
#include <optional>

namespace hm::agent {

namespace {

// One option: its command-line name, its config key, what it takes.
struct OptionSpec
{
    const char *cli;
    const char *key;
    const char *valueName;
    const char *help;
};

// What the agent grants comes from the config file's `capabilities` and
// the command line's --allow together (issue 38 item 1): both are set by
// whoever installs the service (a root-owned file, a root-owned unit), and
// neither can be changed by the server. --allow only adds to the file's
// list; nothing on the command line takes a capability away from it.
constexpr OptionSpec kAgentOptionSpecs[] = {
    {"server", "server", "URL", "The HiveMind server, http:// or https://."},
    {"enrol-secret", "enrol_secret", "SECRET",
     "The single-use enrolment secret from the console (first start only)."},
    {"data-dir", "data_dir", "DIR",
     "Where the identity, node.json and the report buffer live (default /var/lib/hivemind-agent)."},
    {"interval", "interval", "SECONDS", "Seconds between samples, 1 to 3600 (default 5)."},
    {"pin-sha256", "pin_sha256", "HEX",
     "SHA-256 of the server certificate (DER, hex): only that certificate is accepted."},
    {"name", "name", "NAME", "The node's name on the server (default: the host name)."},
    {"docker-socket", "docker_socket", "PATH",
     "The Docker Engine API socket the docker capability uses (absolute; default "
     "/var/run/docker.sock; a podman API socket works too)."},
    {"compose-command", "compose_command", "FILE",
     "The compose tool the docker capability runs (absolute; default docker-compose, else "
     "podman-compose, from PATH)."},
    // The nginx capability's machine (issue 38 item 7): absolute paths.
    {"nginx-binary", "nginx_binary", "FILE", "The nginx executable (default /usr/sbin/nginx)."},
    {"nginx-conf", "nginx_conf", "FILE",
     "nginx's main config file (default /etc/nginx/nginx.conf)."},
    {"nginx-sites-available", "nginx_sites_available", "DIR",
     "Where site configs live (default /etc/nginx/sites-available)."},
    {"nginx-sites-enabled", "nginx_sites_enabled", "DIR",
     "Where enabled sites are linked (default /etc/nginx/sites-enabled)."},
    {"nginx-pid", "nginx_pid", "FILE",
     "nginx's pid file (default: the config's pid directive, else /run/nginx.pid)."},
    {"nginx-prefix", "nginx_prefix", "DIR", "nginx's prefix, passed as -p (default: none)."},
    {"nginx-ssl-dir", "nginx_ssl_dir", "DIR",
     "Where generated self-signed certificates go (default /etc/nginx/ssl)."},
    {"openssl-binary", "openssl_binary", "FILE",
     "openssl, for certificate details (default /usr/bin/openssl)."},
};

Error agentOptionError(const QString &field, const QString &message)
{
    return Error{ErrorCode::ValidationError, message,
                 QJsonObject{{QStringLiteral("field"), field}}};
}

QCommandLineParser &setUpAgentParser(QCommandLineParser &parser)
{
    parser.setApplicationDescription(
        QStringLiteral("HiveMind agent: enrols this machine with a HiveMind server and streams "
                       "its metrics."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption(
        QCommandLineOption(QStringLiteral("config"),
                           QStringLiteral("INI config file (default /etc/hivemind/agent.conf)."),
                           QStringLiteral("FILE")));
    for (const OptionSpec &spec : kAgentOptionSpecs)
        parser.addOption(QCommandLineOption(QString::fromLatin1(spec.cli),
                                            QString::fromLatin1(spec.help),
                                            QString::fromLatin1(spec.valueName)));
    parser.addOption(QCommandLineOption(
        QStringLiteral("allow"),
        QStringLiteral("Also grant these capabilities (comma-separated, repeatable): %1. The "
                       "default install grants metrics and probes only.")
            .arg(fleet::knownCapabilities().join(QStringLiteral(", "))),
        QStringLiteral("LIST")));
    parser.addOption(QCommandLineOption(
        QStringLiteral("compose-root"),
        QStringLiteral("A directory whose subdirectories are compose projects the docker "
                       "capability may bring up and down (absolute, existing). Repeatable; "
                       "replaces the config file's compose_roots."),
        QStringLiteral("DIR")));
    parser.addOption(QCommandLineOption(
        QStringLiteral("files-root"),
        QStringLiteral("A directory the files capability may reach (absolute; \":ro\" "
                       "suffix: read only). Repeatable; replaces the config file's "
                       "files_roots."),
        QStringLiteral("DIR[:ro]")));
    // Internal: how an upgrade's watchdog is started (docs/agent.md
    // "Upgrades"); not for people, so not in --help.
    QCommandLineOption watchdog(QStringLiteral("upgrade-watchdog"), QString(),
                                QStringLiteral("FILE"));
    watchdog.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(watchdog);
    parser.addOption(QCommandLineOption(
        QStringLiteral("print-fingerprint"),
        QStringLiteral("Print this agent's identity fingerprint (creating the identity if "
                       "needed) and exit.")));
    return parser;
}

// The nginx_* keys: each an absolute path (the agent runs as a service,
// its working directory means nothing to the operator).
Result<QString> parseAbsolutePath(const QString &key, const QString &text)
{
    const QString path = text.trimmed();
    if (path.isEmpty() || !QDir::isAbsolutePath(path))
        return agentOptionError(key, QStringLiteral("%1 must be an absolute path, not \"%2\"")
                                         .arg(key, text));
    return QDir::cleanPath(path);
}

QString *nginxSettingOf(NginxSettings &nginx, const QString &key)
{
    if (key == u"nginx_binary")
        return &nginx.binary;
    if (key == u"nginx_conf")
        return &nginx.conf;
    if (key == u"nginx_sites_available")
        return &nginx.sitesAvailable;
    if (key == u"nginx_sites_enabled")
        return &nginx.sitesEnabled;
    if (key == u"nginx_pid")
        return &nginx.pidFile;
    if (key == u"nginx_prefix")
        return &nginx.prefix;
    if (key == u"nginx_ssl_dir")
        return &nginx.sslDir;
    if (key == u"openssl_binary")
        return &nginx.openssl;
    return nullptr;
}

Result<QUrl> parseServerUrl(const QString &text)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    const QString scheme = url.scheme();
    if (!url.isValid() || url.host().isEmpty() ||
        (scheme != QLatin1String("http") && scheme != QLatin1String("https")))
        return agentOptionError(QStringLiteral("server"),
                                QStringLiteral("server must be an http:// or https:// URL with a "
                                               "host, not \"%1\"")
                                    .arg(text));
    if (!url.userInfo().isEmpty() || url.hasQuery() || url.hasFragment())
        return agentOptionError(QStringLiteral("server"),
                                QStringLiteral("server must not carry a user, query or fragment"));
    return url;
}

Result<int> parseInterval(const QString &text)
{
    bool ok = false;
    const int seconds = text.trimmed().toInt(&ok);
    if (!ok || seconds < kMinIntervalSeconds || seconds > kMaxIntervalSeconds)
        return agentOptionError(QStringLiteral("interval"),
                                QStringLiteral("interval must be a whole number of seconds from "
                                               "%1 to %2, not \"%3\"")
                                    .arg(kMinIntervalSeconds)
                                    .arg(kMaxIntervalSeconds)
                                    .arg(text));
    return seconds;
}

Result<QString> parsePin(const QString &text)
{
    QString hex;
    for (const QChar c : text) {
        if (c == u':' || c.isSpace())
            continue;
        hex.append(c.toLower());
    }
    bool allHex = hex.size() == 64;
    for (const QChar c : hex)
        allHex = allHex && ((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f'));
    if (!allHex)
        return agentOptionError(QStringLiteral("pin_sha256"),
                                QStringLiteral("pin-sha256 must be the 64 hex digits of a SHA-256 "
                                               "(':' separators allowed)"));
    return hex;
}

Result<QStringList> parseCapabilities(const QVariant &value)
{
    QStringList names;
    // QSettings reads "a,b" as a list and "a" as a string.
    const QStringList raw = value.typeId() == QMetaType::QStringList ? value.toStringList()
                                                                     : value.toString().split(u',');
    for (const QString &entry : raw) {
        const QString name = entry.trimmed();
        if (name.isEmpty())
            continue;
        if (!fleet::knownCapabilities().contains(name))
            return agentOptionError(
                QStringLiteral("capabilities"),
                QStringLiteral("unknown capability \"%1\" (known: %2)")
                    .arg(name, fleet::knownCapabilities().join(QStringLiteral(", "))));
        if (!names.contains(name))
            names.append(name);
    }
    return names;
}

// An absolute program and its arguments. QProcess::splitCommand only
// splits (quotes honoured); nothing is ever handed to a shell.
Result<QStringList> parseRebootCommand(const QString &text)
{
    const QStringList command = QProcess::splitCommand(text.trimmed());
    if (command.isEmpty() || !QDir::isAbsolutePath(command.constFirst()))
        return agentOptionError(QStringLiteral("reboot_command"),
                                QStringLiteral("reboot_command must start with an absolute "
                                               "program path, e.g. /usr/bin/systemctl reboot"));
    return command;
}

// File roots from the config file (one list) or the command line (one per
// option). The same directory twice is kept once, read only if either says
// so: the safer reading of a contradictory config.
// compose_roots: absolute, existing directories, kept as given (cleaned);
// the docker capability compares canonical paths when it uses them.
Result<QStringList> parseComposeRoots(const QStringList &specs)
{
    QStringList roots;
    for (const QString &spec : specs) {
        const QString dir = spec.trimmed();
        if (dir.isEmpty())
            continue;
        if (!QDir::isAbsolutePath(dir) || !QFileInfo(dir).isDir())
            return agentOptionError(QStringLiteral("compose_roots"),
                                    QStringLiteral("compose-root must be an existing directory "
                                                   "given by its absolute path, not \"%1\"")
                                        .arg(dir));
        roots.append(QDir::cleanPath(dir));
    }
    return roots;
}

Result<QList<FileRoot>> parseFileRoots(const QStringList &specs)
{
    QList<FileRoot> roots;
    for (const QString &entry : specs) {
        const QString spec = entry.trimmed();
        if (spec.isEmpty())
            continue;
        auto root = parseFileRoot(spec);
        if (!root)
            return root.error();
        bool merged = false;
        for (FileRoot &known : roots) {
            if (known.path == root->path) {
                known.readOnly = known.readOnly || root->readOnly;
                merged = true;
            }
        }
        if (!merged)
            roots.append(root.value());
    }
    return roots;
}

// Applies one value (from the file or the command line) to `options`.
Status applyAgentValue(AgentOptions &options, const QString &key, const QString &value)
{
    if (key == u"server") {
        auto url = parseServerUrl(value);
        if (!url)
            return url.error();
        options.server = *url;
    } else if (key == u"enrol_secret") {
        if (value.trimmed().isEmpty())
            return agentOptionError(key, QStringLiteral("enrol-secret must not be empty"));
        options.enrolSecret = value.trimmed();
    } else if (key == u"data_dir") {
        if (value.trimmed().isEmpty())
            return agentOptionError(key, QStringLiteral("data-dir must not be empty"));
        options.dataDir = value.trimmed();
    } else if (key == u"interval") {
        auto seconds = parseInterval(value);
        if (!seconds)
            return seconds.error();
        options.intervalSeconds = *seconds;
    } else if (key == u"pin_sha256") {
        auto pin = parsePin(value);
        if (!pin)
            return pin.error();
        options.pinSha256 = *pin;
    } else if (QString *setting = nginxSettingOf(options.nginx, key)) {
        auto path = parseAbsolutePath(key, value);
        if (!path)
            return path.error();
        *setting = path.value();
    } else if (key == u"name") {
        const QString name = value.trimmed();
        if (name.isEmpty() || name.size() > 64)
            return agentOptionError(key, QStringLiteral("name must have 1 to 64 characters"));
        options.name = name;
    } else if (key == u"compose_command") {
        auto path = parseAbsolutePath(key, value);
        if (!path)
            return path.error();
        options.composeCommand = path.value();
    } else if (key == u"docker_socket") {
        const QString path = value.trimmed();
        if (path.isEmpty() || !QFileInfo(path).isAbsolute() || path.size() > 107)
            return agentOptionError(key, QStringLiteral("docker-socket must be an absolute path "
                                                        "of at most 107 characters"));
        options.dockerSocket = QDir::cleanPath(path);
    }
    return {};
}

Status applyConfigFile(AgentOptions &options, const QString &path, bool explicitlyGiven)
{
    if (!QFileInfo::exists(path)) {
        if (explicitlyGiven)
            return agentOptionError(QStringLiteral("config"),
                                    QStringLiteral("the config file %1 does not exist").arg(path));
        return {}; // the default file is optional
    }
    QSettings settings(path, QSettings::IniFormat);
    if (settings.status() != QSettings::NoError)
        return agentOptionError(QStringLiteral("config"),
                                QStringLiteral("cannot read the config file %1").arg(path));
    // An error of a value, said with the file it came from.
    const auto inFile = [&path](Error error) {
        error.message = QStringLiteral("%1: %2").arg(path, error.message);
        return error;
    };
    for (const QString &key : settings.allKeys()) {
        const QString value = settings.value(key).typeId() == QMetaType::QStringList
                                  ? settings.value(key).toStringList().join(u',')
                                  : settings.value(key).toString();
        if (key == u"capabilities") {
            auto capabilities = parseCapabilities(settings.value(key));
            if (!capabilities)
                return capabilities.error();
            options.capabilities = *capabilities;
            continue;
        }
        if (key == u"reboot_command") {
            auto command = parseRebootCommand(value);
            if (!command)
                return inFile(command.error());
            options.rebootCommand = command.value();
            continue;
        }
        // Lists: `value` has their items joined by ',' already.
        if (key == u"compose_roots") {
            auto roots = parseComposeRoots(value.split(u','));
            if (!roots)
                return inFile(roots.error());
            options.composeRoots = roots.value();
            continue;
        }
        if (key == u"files_roots") {
            auto roots = parseFileRoots(value.split(u','));
            if (!roots)
                return inFile(roots.error());
            options.filesRoots = roots.value();
            continue;
        }
        bool known = false;
        for (const OptionSpec &spec : kAgentOptionSpecs)
            known = known || key == QLatin1String(spec.key);
        if (!known)
            return agentOptionError(key, QStringLiteral("unknown key \"%1\" in %2").arg(key, path));
        if (const Status applied = applyAgentValue(options, key, value); !applied)
            return inFile(applied.error());
    }
    return {};
}

} // namespace

Result<AgentOptions> parseAgentOptions(const QStringList &arguments, const QString &defaultName)
{
    AgentOptions options;
    QCommandLineParser parser;
    setUpAgentParser(parser);
    if (!parser.parse(arguments))
        return agentOptionError(QStringLiteral("arguments"), parser.errorText());
    if (!parser.positionalArguments().isEmpty())
        return agentOptionError(QStringLiteral("arguments"),
                                QStringLiteral("unexpected argument \"%1\"")
                                    .arg(parser.positionalArguments().constFirst()));
    options.showHelp = parser.isSet(QStringLiteral("help"));
    options.showVersion = parser.isSet(QStringLiteral("version"));
    options.printFingerprint = parser.isSet(QStringLiteral("print-fingerprint"));
    options.upgradeWatchdog = parser.value(QStringLiteral("upgrade-watchdog"));
    if (options.showHelp || options.showVersion)
        return options;

    const bool explicitConfig = parser.isSet(QStringLiteral("config"));
    if (explicitConfig)
        options.configFile = parser.value(QStringLiteral("config"));
    if (const Status fromFile = applyConfigFile(options, options.configFile, explicitConfig);
        !fromFile)
        return fromFile.error();
    for (const QString &allowed : parser.values(QStringLiteral("allow"))) {
        auto more = parseCapabilities(QVariant(allowed));
        if (!more)
            return more.error();
        for (const QString &name : more.value())
            if (!options.capabilities.contains(name))
                options.capabilities.append(name);
    }
    if (parser.isSet(QStringLiteral("compose-root"))) {
        auto roots = parseComposeRoots(parser.values(QStringLiteral("compose-root")));
        if (!roots)
            return roots.error();
        options.composeRoots = roots.value();
    }
    // The command line wins over the file: its roots replace the file's.
    if (parser.isSet(QStringLiteral("files-root"))) {
        auto roots = parseFileRoots(parser.values(QStringLiteral("files-root")));
        if (!roots)
            return roots.error();
        options.filesRoots = roots.value();
    }
    // The command line wins over the file.
    for (const OptionSpec &spec : kAgentOptionSpecs) {
        const QString cli = QString::fromLatin1(spec.cli);
        if (!parser.isSet(cli))
            continue;
        if (const Status applied =
                applyAgentValue(options, QString::fromLatin1(spec.key), parser.value(cli));
            !applied)
            return applied.error();
    }
    if (options.name.isEmpty())
        options.name = defaultName.left(64);
    if (options.name.isEmpty())
        options.name = QStringLiteral("agent");
    return options;
}

QString agentHelpText()
{
    QCommandLineParser parser;
    setUpAgentParser(parser);
    QString text = parser.helpText();
    text +=
        QStringLiteral(
            "\nConfig file keys (INI, no section; the command line wins):\n"
            "  server, enrol_secret, data_dir, interval, pin_sha256, name, docker_socket,\n"
            "  capabilities   comma-separated: %1\n"
            "                 (default metrics,probes; --allow adds to it)\n"
            "  reboot_command what the reboot capability runs: an absolute program and\n"
            "                 its arguments, no shell (default /usr/bin/systemctl reboot)\n"
            "  files_roots    comma-separated DIR[:ro]: the directories the files\n"
            "                 capability may reach (absolute, existing; :ro read only);\n"
            "                 --files-root replaces it\n"
            "  compose_command the compose tool (absolute; default docker-compose, else\n"
            "                 podman-compose, from PATH)\n"
            "  compose_roots  comma-separated directories whose subdirectories are the\n"
            "                 compose projects up/down may run in; --compose-root replaces it\n"
            "  nginx_binary, nginx_conf, nginx_sites_available, nginx_sites_enabled,\n"
            "  nginx_pid, nginx_prefix, nginx_ssl_dir, openssl_binary\n"
            "                 absolute paths for the nginx capability (see the options)\n"
            "\nExit codes: 0 done, 1 transient failure, 2 bad options/config/identity or refused\n"
            "enrolment, 3 the server refused this identity (deleted or revoked node).\n")
            .arg(fleet::knownCapabilities().join(QStringLiteral(", ")));
    return text;
}

} // namespace hm::agent
