#pragma once

#include "client/WireGuardTypes.h"

#include <QDialog>
#include <QHash>
#include <QPointer>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QTableWidget;
class QTimer;

namespace hm::client {
class ApiClient;
}

namespace hm::app {

// Imports a wg-quick server file read by VpnPage: name, interface and
// endpoint host (the first two prefilled from the file's name, the
// interface checked as typed), and a preview of the peers that become
// clients and of what is not imported (the server's warning codes said in
// the console's language), from the server's dry run (run
// again when a field changes). Import makes the server; what the server
// refuses is shown at its field, or under the preview when it is about the
// file. The file's text holds the server's private key: it goes to the
// server only, never into a log or on screen. Named `wgImportDialog`,
// fields `vpn.import.*`.
class WgImportDialog final : public QDialog
{
    Q_OBJECT

public:
    WgImportDialog(client::ApiClient *client, const QString &config, const QString &fileBaseName,
                   const QString &role, QWidget *parent = nullptr);
    ~WgImportDialog() override;

    // The server made by Import.
    const client::WgServerRow &server() const { return m_result.server; }
    // The last dry run answered successfully for the fields as they are.
    bool hasPreview() const { return m_previewOk; }
    // A warning of the server's answer in the console's language, by its
    // code (its English words for a code this console does not know).
    static QString warningText(const client::WgImportWarning &warning);

public slots:
    void submit();
    // Asks the server for a dry run now (also after a field changed).
    void refreshPreview();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    bool validate();
    void fieldsChanged();
    void showPreview();
    void showError(const hm::Error &error);
    client::WgImportRequest request(bool dryRun) const;

    QPointer<client::ApiClient> m_client;
    QString m_config;
    QString m_role;
    client::WgImportResult m_preview;
    client::WgImportResult m_result;
    hm::Error m_previewError;
    bool m_previewOk = false;
    bool m_previewFailed = false;
    bool m_checking = false;
    bool m_sending = false;
    int m_previewSerial = 0;

    QLabel *m_intro = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_interface = nullptr;
    QLineEdit *m_endpoint = nullptr;
    QHash<QString, QLabel *> m_captions;
    QHash<QString, QLabel *> m_errors;
    QLabel *m_summary = nullptr;
    QTableWidget *m_peers = nullptr;
    QLabel *m_warningsCaption = nullptr;
    QListWidget *m_warnings = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QTimer *m_again = nullptr;
};

} // namespace hm::app
