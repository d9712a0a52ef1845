#include "widgets/ThemeManager.h"

#include "common/Logging.h"
#include "widgets/ConsoleStyle.h"

#include <QApplication>
#include <QFile>
#include <QGuiApplication>
#include <QPainter>
#include <QPixmap>
#include <QRegularExpression>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>
#include <QStyleHints>
#include <QSvgRenderer>
#include <QTimer>

namespace hm::app {

namespace {

QColor namedColour(const char *name, bool dark)
{
    for (const ThemeManager::Token &token : ThemeManager::themeTokens()) {
        if (qstrcmp(token.name, name) == 0)
            return QColor(QLatin1String(dark ? token.dark : token.light));
    }
    return {};
}

} // namespace

ThemeManager::ThemeManager(QObject *parent)
    : QObject(parent), m_systemPalette(QGuiApplication::palette())
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    connect(QGuiApplication::styleHints(), &QStyleHints::colorSchemeChanged, this, [this] {
        if (m_mode == Mode::System && m_applied)
            apply();
    });
#else
    // Qt 6.4 has no colorSchemeChanged: the platform sends QEvent::ThemeChange
    // (to its windows, and the application) when its theme or colours change.
    if (QCoreApplication *app = QCoreApplication::instance())
        app->installEventFilter(this);
#endif
}

bool ThemeManager::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::ThemeChange && !m_readingSystem &&
        (watched == QCoreApplication::instance() || watched->isWindowType()) &&
        !m_systemChangePending) {
        // Every window hears of it: one look after they all have.
        m_systemChangePending = true;
        QTimer::singleShot(0, this, &ThemeManager::systemThemeChanged);
    }
    return QObject::eventFilter(watched, event);
}

void ThemeManager::systemThemeChanged()
{
    m_systemChangePending = false;
#if QT_VERSION < QT_VERSION_CHECK(6, 5, 0)
    // The platform's palette now: a palette with no role of its own takes
    // every role from the platform theme. Ours is put back (or replaced by
    // apply()) right after, in the same turn of the event loop.
    m_readingSystem = true;
    const QPalette ours = QGuiApplication::palette();
    QPalette none;
    none.setColor(QPalette::Window, QColor(1, 2, 3)); // detached from the current one
    none.setResolveMask(0);
    QGuiApplication::setPalette(none);
    m_systemPalette = QGuiApplication::palette();
    if (m_applied && !(m_mode == Mode::System))
        QGuiApplication::setPalette(ours);
    m_readingSystem = false;
    qCDebug(lcApp) << "platform theme changed; it is"
                   << (isDarkPalette(m_systemPalette) ? "dark" : "light");
#endif
    if (m_mode == Mode::System && m_applied)
        apply();
}

ThemeManager::~ThemeManager() = default;

// The light values are the colours the console had before it had themes;
// the dark ones keep WCAG AA contrast for text on their backgrounds.
const QList<ThemeManager::Token> &ThemeManager::themeTokens()
{
    static const QList<Token> tokens = {
        // Surfaces
        {"window", "#f3f4f7", "#1c1f24"},
        {"page", "#f8f9fb", "#16181c"},
        {"surface", "#ffffff", "#202329"},
        {"sidebar", "#eef0f4", "#1a1d22"},
        {"statusBar", "#f1f3f6", "#1a1d22"},
        {"alternateRow", "#f8f9fb", "#24282f"},
        {"button", "#f5f6f8", "#2a2e36"},
        {"tooltip", "#ffffff", "#2a2e36"},
        {"hover", "#e2e5eb", "#2a2f38"},
        {"iconBadge", "#e6ebf3", "#2a303a"},
        {"border", "#e3e6eb", "#30353e"},
        {"divider", "#dcdfe5", "#2c313a"},
        {"scrollHandle", "#c4c9d2", "#3f4550"},
        {"scrollHandleHover", "#a3aab6", "#59606c"},
        // Text
        {"text", "#111827", "#e6e8ec"},
        {"textCard", "#1f2937", "#dadde3"},
        {"textSecondary", "#374151", "#c9ced6"},
        {"textBody", "#4b5563", "#b3b9c3"},
        {"muted", "#6b7280", "#9aa1ad"},
        {"note", "#8a93a0", "#858d99"},
        {"disabledText", "#9ca3af", "#646b77"},
        // Accent
        {"accent", "#2f5bd3", "#3d6ae0"},
        {"accentHover", "#2a51bd", "#4f79e6"},
        {"accentDisabled", "#b8c5e8", "#34405c"},
        {"onAccent", "#ffffff", "#ffffff"},
        {"selection", "#d9e4fb", "#263b66"},
        {"selectionText", "#1d3f9a", "#cfdcfd"},
        {"link", "#2f5bd3", "#8fb0ff"},
        {"icon", "#4b5563", "#aeb4bf"}, // the line icons' strokes (resources/icons)
        // Banners and tones
        {"bannerBg", "#eef3fd", "#1d2740"},
        {"bannerBorder", "#d6e0f5", "#2c3b5c"},
        {"bad", "#b42318", "#f48a80"},
        {"good", "#047857", "#6ee7b7"},
        {"errorText", "#b91c1c", "#f87171"},
        {"badBannerBg", "#fdf0ee", "#3a1f1c"},
        {"badBannerBorder", "#f3d1cc", "#5c2a24"},
        {"badBannerText", "#8f1d12", "#fbb4ab"},
    };
    return tokens;
}

QPalette ThemeManager::palette(bool dark)
{
    const auto c = [dark](const char *name) { return namedColour(name, dark); };
    QPalette p;
    p.setColor(QPalette::Window, c("window"));
    p.setColor(QPalette::WindowText, c("text"));
    p.setColor(QPalette::Base, c("surface"));
    p.setColor(QPalette::AlternateBase, c("alternateRow"));
    p.setColor(QPalette::ToolTipBase, c("tooltip"));
    p.setColor(QPalette::ToolTipText, c("text"));
    p.setColor(QPalette::PlaceholderText, c("muted"));
    p.setColor(QPalette::Text, c("text"));
    p.setColor(QPalette::Button, c("button"));
    p.setColor(QPalette::ButtonText, c("text"));
    p.setColor(QPalette::BrightText, dark ? QColor(0xff, 0xff, 0xff) : QColor(0x00, 0x00, 0x00));
    p.setColor(QPalette::Highlight, c("accent"));
    p.setColor(QPalette::HighlightedText, c("onAccent"));
    p.setColor(QPalette::Link, c("link"));
    p.setColor(QPalette::LinkVisited, c("link"));
    // The bevel shades Fusion draws frames and handles with.
    const QColor button = c("button");
    p.setColor(QPalette::Light, dark ? button.lighter(130) : QColor(0xff, 0xff, 0xff));
    p.setColor(QPalette::Midlight, dark ? button.lighter(115) : button.darker(105));
    p.setColor(QPalette::Mid, dark ? button.darker(120) : button.darker(130));
    p.setColor(QPalette::Dark, dark ? button.darker(150) : button.darker(160));
    p.setColor(QPalette::Shadow, dark ? QColor(0x0a, 0x0b, 0x0d) : QColor(0x76, 0x78, 0x7c));
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, c("disabledText"));
    p.setColor(QPalette::Disabled, QPalette::Highlight, c("accentDisabled"));
    p.setColor(QPalette::Disabled, QPalette::Base, c("window"));
    return p;
}

QString ThemeManager::styleSheet(bool dark)
{
    QFile file(QStringLiteral(":/styles/console.qss"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QString sheet = QString::fromUtf8(file.readAll());
    static const QRegularExpression token(QStringLiteral("@([A-Za-z][A-Za-z0-9]*)"));
    QString out;
    out.reserve(sheet.size());
    qsizetype last = 0;
    for (auto it = token.globalMatch(sheet); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        const QColor colour = namedColour(match.captured(1).toLatin1().constData(), dark);
        out += QStringView(sheet).mid(last, match.capturedStart() - last);
        if (colour.isValid()) {
            out += colour.name();
        } else {
            qCWarning(lcApp) << "unknown colour token in console.qss:" << match.captured(0);
            out += match.captured(0);
        }
        last = match.capturedEnd();
    }
    out += QStringView(sheet).mid(last);
    return out;
}

bool ThemeManager::isDarkPalette(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightnessF() < 0.5;
}

QColor ThemeManager::tokenColour(const char *name, const QPalette &palette)
{
    return hm::app::namedColour(name, isDarkPalette(palette));
}

QIcon ThemeManager::themedIcon(const QString &svgPath, const QPalette &palette)
{
    const bool dark = isDarkPalette(palette);
    if (!dark)
        return QIcon(svgPath);
    QFile file(svgPath);
    if (!file.open(QIODevice::ReadOnly))
        return QIcon(svgPath);
    QByteArray svg = file.readAll();
    svg.replace(QByteArray(namedColour("icon", false).name().toLatin1()),
                QByteArray(namedColour("icon", true).name().toLatin1()));
    QSvgRenderer renderer(svg);
    if (!renderer.isValid())
        return QIcon(svgPath);
    QIcon icon;
    for (const int size : {16, 20, 24, 28, 32, 48, 64}) {
        for (const qreal ratio : {1.0, 2.0}) {
            QPixmap pixmap(QSize(size, size) * ratio);
            pixmap.fill(Qt::transparent);
            {
                QPainter painter(&pixmap);
                renderer.render(&painter);
            }
            pixmap.setDevicePixelRatio(ratio);
            icon.addPixmap(pixmap);
        }
    }
    return icon;
}

ThemeManager::Mode ThemeManager::savedMode()
{
    return modeFromName(QSettings().value(kSettingsKey).toString());
}

QString ThemeManager::modeName(Mode mode)
{
    switch (mode) {
    case Mode::Light:
        return QStringLiteral("light");
    case Mode::Dark:
        return QStringLiteral("dark");
    case Mode::System:
        break;
    }
    return QStringLiteral("system");
}

ThemeManager::Mode ThemeManager::modeFromName(const QString &name)
{
    if (name == QLatin1String("light"))
        return Mode::Light;
    if (name == QLatin1String("dark"))
        return Mode::Dark;
    return Mode::System;
}

bool ThemeManager::systemPrefersDark() const
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    switch (QGuiApplication::styleHints()->colorScheme()) {
    case Qt::ColorScheme::Dark:
        return true;
    case Qt::ColorScheme::Light:
        return false;
    default:
        break;
    }
#endif
    // The platform's own palette, as it was before the console set one.
    return isDarkPalette(m_systemPalette);
}

void ThemeManager::setMode(Mode mode, Persist persist)
{
    const bool modeChangedNow = m_mode != mode || !m_applied;
    m_mode = mode;
    if (persist == Persist::Yes)
        QSettings().setValue(kSettingsKey, modeName(mode));
    apply();
    if (modeChangedNow)
        emit modeChanged(mode);
}

void ThemeManager::apply()
{
    m_dark = m_mode == Mode::Dark || (m_mode == Mode::System && systemPrefersDark());
    m_applied = true;
    if (qobject_cast<QApplication *>(QCoreApplication::instance())) {
        // Fusion paints from the palette everywhere (the platform styles
        // ignore a dark palette in places), so both themes look the same;
        // ConsoleStyle is Fusion with indicators that show on dark.
        if (!qobject_cast<ConsoleStyle *>(QApplication::style()))
            QApplication::setStyle(new ConsoleStyle);
    }
    QGuiApplication::setPalette(palette(m_dark));
    qCDebug(lcApp) << "theme" << modeName(m_mode) << (m_dark ? "dark" : "light");
    emit themeChanged(m_dark);
}

} // namespace hm::app
