// The recovery codes' service and repository called directly on a real
// SQLCipher store (issue 34, item 17): ten distinct codes, stored as
// hashes only, matched whatever the case or the dash, each used once, all
// replaced by new ones, and none left once deleted.

#include "ServiceTestSupport.h"
#include "server/services/auth/RecoveryCodes.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace hm;
using namespace hm::server::auth;

class TestRecoveryCodeService : public QObject
{
    Q_OBJECT

private slots:
    void codesAreStoredHashedAndUsedOnce()
    {
        test::ServiceStore store;
        const QString opened = store.open();
        QVERIFY2(opened.isEmpty(), qPrintable(opened));
        auto user = store.addUser(QStringLiteral("dana"), QStringLiteral("Us3r!Passw0rd"),
                                  Role::User);
        QVERIFY(user.ok());
        const QString id = user.value().id;
        UserRepository users(*store.db);

        auto codes = regenerateRecoveryCodes(*store.db, id);
        QVERIFY(codes.ok());
        QCOMPARE(codes.value().size(), kRecoveryCodeCount);
        QCOMPARE(QSet<QString>(codes.value().begin(), codes.value().end()).size(),
                 kRecoveryCodeCount);
        const QRegularExpression shape(QStringLiteral("^[a-z2-7]{5}-[a-z2-7]{5}$"));
        for (const QString &code : codes.value())
            QVERIFY2(shape.match(code).hasMatch(), qPrintable(code));
        QCOMPARE(users.countRecoveryCodes(id).valueOr(-1), qint64(kRecoveryCodeCount));

        QStringList stored;
        QVERIFY(store.db
                    ->forEachRow(QStringLiteral("SELECT code_hash FROM two_factor_recovery_codes "
                                                "WHERE user_id = ?"),
                                 {id}, [&](const store::Statement &s) { stored << s.text(0); })
                    .ok());
        QCOMPARE(stored.size(), kRecoveryCodeCount);
        for (const QString &code : codes.value()) {
            QVERIFY(!stored.contains(code));
            QVERIFY(stored.contains(recoveryCodeHash(id, code)));
        }

        // Case, spaces and the dash do not matter; another user's id does.
        const QString first = codes.value().at(0);
        QCOMPARE(recoveryCodeHash(id, first.toUpper().remove(QLatin1Char('-')) + u' '),
                 recoveryCodeHash(id, first));
        QVERIFY(recoveryCodeHash(QStringLiteral("other"), first) != recoveryCodeHash(id, first));

        QCOMPARE(users.consumeRecoveryCode(id, recoveryCodeHash(id, first)).valueOr(false), true);
        QCOMPARE(users.consumeRecoveryCode(id, recoveryCodeHash(id, first)).valueOr(true), false);
        QCOMPARE(users.countRecoveryCodes(id).valueOr(-1), qint64(kRecoveryCodeCount - 1));

        // New codes replace all the old ones.
        auto renewed = regenerateRecoveryCodes(*store.db, id);
        QVERIFY(renewed.ok());
        QCOMPARE(users.countRecoveryCodes(id).valueOr(-1), qint64(kRecoveryCodeCount));
        const QString second = codes.value().at(1);
        QCOMPARE(users.consumeRecoveryCode(id, recoveryCodeHash(id, second)).valueOr(true), false);
        QCOMPARE(users.consumeRecoveryCode(id, recoveryCodeHash(id, renewed.value().at(1)))
                     .valueOr(false),
                 true);

        QVERIFY(users.replaceRecoveryCodes(id, {}).ok());
        QCOMPARE(users.countRecoveryCodes(id).valueOr(-1), qint64(0));
    }
};

QTEST_GUILESS_MAIN(TestRecoveryCodeService)
#include "TestRecoveryCodeService.moc"
