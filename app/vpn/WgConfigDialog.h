#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;

namespace hm::app {

class WgConfigView;

// An existing client's config as an administrator downloaded it (GET
// …/config): the same QR code, text, warning, save and copy as a new
// client's result. Named `vpn.configDialog`.
class WgConfigDialog final : public QDialog
{
    Q_OBJECT

public:
    WgConfigDialog(const QString &clientName, const QString &config, QWidget *parent = nullptr);

    WgConfigView *view() const { return m_view; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    QString m_clientName;
    QLabel *m_title = nullptr;
    WgConfigView *m_view = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace hm::app
