#pragma once

#include "client/ApiClient.h"
#include "widgets/LocalizedText.h"
#include "widgets/SectionPage.h"

#include <QHash>
#include <QJsonObject>
#include <QPointer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QListWidget;
class QPushButton;
class QTabWidget;

namespace hm::app {

class BackupsTab;
class MailSettingsTab;
class RetentionSettingsTab;

// The Settings section (issue 12, item 5). "System configuration": the
// server's GET/PUT /system/config document as a form per section (general,
// rate limits, sign-in security, password policy), checked as typed where
// the console can (ranges, required text) and by the server on save, whose
// errors appear at their fields; only the changed keys are sent, and a
// refused save changes nothing. Read-only, saying why, for non-admins.
// "Console preferences": the language, the theme (light / dark / follow the
// system, in `settings.themeRow`: the shell applies it, the View menu and
// this row stay in sync), the servers and profiles (read-only here: where to
// edit them is shown) and the default data location. "Mail": the SMTP server
// for account e-mail with a test send (MailSettingsTab). "Backups": the
// server's backups (BackupsTab).
class SettingsPage : public QWidget, public SectionPage
{
    Q_OBJECT

public:
    struct Language
    {
        QString code;
        QString nativeName;
    };

    explicit SettingsPage(QWidget *parent = nullptr);

    void setClient(hm::client::ApiClient *client, const QString &role);

    // SectionPage: the signed-in client and role.
    QWidget *widget() override { return this; }
    void applySession(const Session &session) override
    {
        setClient(session.signedInClient(), session.user.role);
    }
    bool wantsSignedInGate() const override { return false; }
    // A backup task running in the Backups tab (the status bar shows it).
    QString stateText() const override;
    BackupsTab *backupsTab() const { return m_backupsTab; }
    // Console preferences the shell owns.
    void setLanguages(const QList<Language> &languages, const QString &current);
    void setCurrentLanguage(const QString &code);
    // The theme shown checked: "light", "dark" or "system" (ThemeManager's
    // mode names; this library does not see the ThemeManager).
    void setCurrentTheme(const QString &mode);
    QString currentTheme() const;
    // "name — url" lines; empty = only the local server.
    void setProfiles(const QStringList &profiles);
    void setDataDirectory(const QString &path);

    // The configuration as last read from the server.
    const QJsonObject &config() const { return m_config; }
    // The changes the form holds against config() (what Save sends).
    QJsonObject changes() const;

public slots:
    void reload();
    void save();
    void revert();

signals:
    void languageRequested(const QString &code);
    // The user chose a theme in the row ("light", "dark", "system").
    void themeRequested(const QString &mode);
    // A save was answered (ok or refused).
    void saved(bool ok);
    void stateTextChanged();
    // A sentence for the status bar (BackupsTab::notice).
    void notice(const QString &text);

protected:
    void changeEvent(QEvent *event) override;

private:
    enum class Kind
    {
        Text,
        TimeZone,
        Choice,
        Number,
        Flag
    };
    struct Field
    {
        QString path; // "site_name", "security.max_login_attempts"
        Kind kind;
        QWidget *editor = nullptr;
        QLabel *caption = nullptr;
        QLabel *error = nullptr;
    };

    QWidget *createSystemTab();
    QWidget *createPreferencesTab();
    QGroupBox *addGroup(QWidget *parent, QLayout *layout, const QString &objectName);
    void addField(QGroupBox *group, const QString &path, Kind kind, int min = 0, int max = 0,
                  const QStringList &choices = {});
    void fillForm();
    QJsonValue formValue(const Field &field) const;
    static QJsonValue configValue(const QJsonObject &config, const QString &path);
    void showFieldError(const QString &path, const QString &message);
    void clearErrors();
    void validateTyped();
    void updateState();
    void retranslate();
    bool isAdmin() const { return m_role == QLatin1String("admin"); }

    QPointer<hm::client::ApiClient> m_client;
    QString m_role;
    QJsonObject m_config;
    bool m_loaded = false;
    bool m_busy = false;
    LocalizedText m_status;
    QList<Field> m_fields;
    QHash<QString, QGroupBox *> m_groups;

    QLabel *m_title = nullptr;
    QLabel *m_subtitle = nullptr;
    QTabWidget *m_tabs = nullptr;
    QLabel *m_readOnlyNote = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_revert = nullptr;
    QLabel *m_statusLabel = nullptr;
    QLabel *m_backupNotice = nullptr; // the master-key warning of the Backups group
    MailSettingsTab *m_mailTab = nullptr;
    BackupsTab *m_backupsTab = nullptr;
    RetentionSettingsTab *m_retentionTab = nullptr;

    QFormLayout *m_prefsForm = nullptr;
    QGroupBox *m_prefsGroup = nullptr;
    QComboBox *m_language = nullptr;
    QLabel *m_languageCaption = nullptr;
    QLabel *m_themeCaption = nullptr;
    QComboBox *m_theme = nullptr;
    QLabel *m_profilesCaption = nullptr;
    QListWidget *m_profiles = nullptr;
    QLabel *m_profilesHint = nullptr;
    QLabel *m_dataDirCaption = nullptr;
    QLabel *m_dataDir = nullptr;
    QLabel *m_dataDirHint = nullptr;
    QStringList m_profileLines;
};

} // namespace hm::app
