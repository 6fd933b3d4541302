import { resource, ResourceSpec } from '../common/crud/resource-spec';
import { ConflictError } from '../common/errors/domain-errors';
import { REDACTED } from '../audit/redact';
import { AdminSetting } from './entities/admin-setting.entity';
import {
  CreateAdminSettingDto,
  UpdateAdminSettingDto,
  ListAdminSettingsQuery,
} from './dto/admin-settings.dto';

export const adminSettings = resource({
  path: 'admin-settings',
  tag: 'admin-settings',
  entity: AdminSetting,
  label: 'admin setting',
  createDto: CreateAdminSettingDto,
  updateDto: UpdateAdminSettingDto,
  listQuery: ListAdminSettingsQuery,
  filters: ['namespace', 'key'],
  actor: { onCreate: ['updatedBy'], onUpdate: ['updatedBy'] },
  // A setting's value never reaches the audit log in clear, whatever the body says: a PATCH
  // of a secret setting need not repeat `isSecret` for its value to stay secret.
  auditRedact: ['value'],
  present: (row) => (row.isSecret ? { ...row, value: REDACTED } : row),
  beforeUpdate: (row) => {
    if (row.isReadOnly) {
      throw new ConflictError(
        `admin setting ${row.namespace}.${row.key} is read-only`,
        'READ_ONLY',
        {
          id: row.id,
        },
      );
    }
  },
});

/** Admin settings: admins only; secret values never leave the service; read-only ones refuse changes. */
export const adminSettingsResources: ResourceSpec[] = [adminSettings];
