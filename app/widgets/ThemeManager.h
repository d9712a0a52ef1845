#pragma once

#include <QIcon>
#include <QObject>
#include <QPalette>
#include <QString>

namespace hm::app {

// The console's light and dark themes, and "follow the system". One set of
// named colour tokens (themeTokens()) feeds both the application palette
// (menus, dialogs, item views, the canvas, the Gantt: everything that paints
// from QPalette) and the console's stylesheet (resources/styles/console.qss,
// which names its colours as @token). Switched at run time: widgets get
// QEvent::PaletteChange and the main window re-applies its stylesheet on
// themeChanged().
class ThemeManager : public QObject
{
    Q_OBJECT

public:
    enum class Mode
    {
        Light,
        Dark,
        System
    };
    Q_ENUM(Mode)

    enum class Persist
    {
        No,
        Yes
    };

    struct Token
    {
        const char *name; // as written in console.qss after '@'
        const char *light;
        const char *dark;
    };

    static inline const QString kSettingsKey = QStringLiteral("ui/theme");

    // Remembers the platform's palette (for System on Qt < 6.5; read again
    // on QEvent::ThemeChange) and applies nothing until setMode().
    explicit ThemeManager(QObject *parent = nullptr);
    ~ThemeManager() override;

    // The mode saved in QSettings, else System.
    static Mode savedMode();
    // "light", "dark", "system" and back; std::nullopt-free: unknown -> System.
    static QString modeName(Mode mode);
    static Mode modeFromName(const QString &name);

    Mode mode() const { return m_mode; }
    // Whether the dark colours are in use (System resolved).
    bool isDark() const { return m_dark; }
    // Applies the mode: palette, Fusion style, stylesheet for the main window.
    void setMode(Mode mode, Persist persist = Persist::Yes);

    static const QList<Token> &themeTokens();
    static QPalette palette(bool dark);
    // console.qss with each @token replaced by its colour in that theme.
    static QString styleSheet(bool dark);
    QString styleSheet() const { return styleSheet(m_dark); }
    // One of the console's line icons (resources/icons, drawn in the light
    // theme's grey) in the grey of the theme `palette` belongs to: the same
    // shapes, light strokes on dark backgrounds. Crisp at 1x and 2x.
    static QIcon themedIcon(const QString &svgPath, const QPalette &palette);
    static bool isDarkPalette(const QPalette &palette);
    // A named colour token (themeTokens()) in the theme `palette` belongs
    // to: for what paints tones itself (an item model's ForegroundRole)
    // rather than through console.qss. Invalid for an unknown name.
    static QColor tokenColour(const char *name, const QPalette &palette);

    // Whether the system asks for dark colours (Qt 6.5+: the colour scheme;
    // Qt 6.4: the platform palette's window lightness).
    bool systemPrefersDark() const;

protected:
    // Qt 6.4: QEvent::ThemeChange (the platform's theme or colours changed)
    // makes "System" read the platform's palette again.
    bool eventFilter(QObject *watched, QEvent *event) override;

signals:
    void modeChanged(hm::app::ThemeManager::Mode mode);
    // After the palette changed; `dark` is the resolved theme.
    void themeChanged(bool dark);

private:
    void apply();
    void systemThemeChanged();

    Mode m_mode = Mode::System;
    bool m_dark = false;
    bool m_applied = false;
    QPalette m_systemPalette;
    bool m_readingSystem = false;
    bool m_systemChangePending = false;
};

} // namespace hm::app
