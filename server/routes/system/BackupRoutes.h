#pragma once

namespace hm::server {

class ApiRouter;
class BackupService;
namespace auth {
class AuthModule;
}

// /api/v1/backup/* (docs/api.md "Backups"): administrators only.
void registerBackupRoutes(ApiRouter &router, auth::AuthModule &auth, BackupService &backups);
// /api/v1/backup/backups/uploads*: a backup file in chunks
// (BackupUploadRoutes.cpp); called by registerBackupRoutes.
void registerBackupUploadRoutes(ApiRouter &router, auth::AuthModule &auth, BackupService &backups);

} // namespace hm::server
