import { SafetyOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { fieldLabel, fieldMessage } from '../../../domain/i18n/fields.ts';
import { ApiError, api } from '../../api/client.ts';
import { useUser } from '../../app/auth.tsx';
import { fmtDateTime } from '../../i18n/format.ts';
import { useLang, useStrings } from '../../i18n/lang.tsx';

type SignIn = {
  account: { userId: string; authenticator: boolean; lastLoginAt: string | null; isSelf: boolean } | null;
};

const S = {
  title: { th: 'การเข้าสู่ระบบของบุคคลนี้', en: 'This person’s sign-in' },
  help: {
    th: 'เมื่อบุคลากรทำโทรศัพท์หายหรือเปลี่ยนเครื่อง ให้ตรวจบัตรประจำตัวที่สำนักงานก่อน แล้วรีเซ็ตการยืนยันตัวตนขั้นที่สอง ครั้งต่อไปที่เข้าสู่ระบบ ระบบจะให้ตั้งค่าแอปยืนยันตัวตนใหม่ ทุกครั้งที่รีเซ็ตถูกบันทึกในบันทึกการตรวจสอบ',
    en: 'When a staff member loses or replaces the phone, check the identity card in the office first, then reset the second sign-in step: the next sign-in sets up a new authenticator app. Every reset is kept in the audit trail.',
  },
  noAccount: { th: 'ยังไม่มีบัญชีผู้ใช้', en: 'No user account yet' },
  authenticator: { th: 'แอปยืนยันตัวตน', en: 'Authenticator app' },
  set: { th: 'ตั้งค่าแล้ว', en: 'Set up' },
  notSet: { th: 'ยังไม่ได้ตั้งค่า (จะตั้งค่าเมื่อเข้าสู่ระบบครั้งถัดไป)', en: 'Not set up (set up at the next sign-in)' },
  lastLogin: { th: 'เข้าสู่ระบบล่าสุด', en: 'Last signed in' },
  never: { th: 'ยังไม่เคย', en: 'Never' },
  reset: { th: 'รีเซ็ตการยืนยันตัวตนขั้นที่สอง', en: 'Reset the second sign-in step' },
  self: {
    th: 'รีเซ็ตของตนเองไม่ได้ ให้ผู้ควบคุมการเข้าใช้งานคนอื่นดำเนินการ',
    en: 'You cannot reset your own; ask another access controller',
  },
  confirmTitle: { th: 'ยืนยันการรีเซ็ต', en: 'Confirm the reset' },
  confirmHelp: {
    th: 'แอปยืนยันตัวตนและรหัสกู้คืนเดิมจะใช้ไม่ได้ การเข้าสู่ระบบที่ค้างอยู่ทั้งหมดของบุคคลนี้จะสิ้นสุด',
    en: 'The old authenticator and recovery codes stop working, and all of this person’s sessions end.',
  },
  done: { th: 'รีเซ็ตแล้ว', en: 'Reset done' },
  cancel: { th: 'ยกเลิก', en: 'Cancel' },
} as const;

/**
 * The access controller's help for a person who cannot sign in (issue 17 §3, ADR 0113): the
 * account's second-factor status and the audited reset, on the person's record page. Shown only
 * to those who may reset (the API answers 403 to others, and the panel stays hidden).
 */
export function SignInPanel({ personId }: { personId: string }) {
  const { lang } = useLang();
  const s = useStrings(S);
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason?: string }>();
  const key = ['person-sign-in', personId];
  const user = useUser();
  const q = useQuery({
    enabled: user.assignments.some((x) => x.role === 'access_controller'),
    queryKey: key,
    queryFn: () => api<SignIn>('GET', `/api/v1/access/people/${encodeURIComponent(personId)}/sign-in`),
    retry: false,
  });
  const reset = useMutation({
    mutationFn: (v: { userId: string; reason: string }) =>
      api('POST', `/api/v1/access/users/${encodeURIComponent(v.userId)}/second-factor/reset`, {
        reason: v.reason,
      }),
    onSuccess: () => {
      message.success(s('done'));
      setOpen(false);
      void qc.invalidateQueries({ queryKey: key });
    },
    onError: (e) => {
      if (e instanceof ApiError && e.fields.length)
        form.setFields(
          e.fields.map((f) => ({
            name: 'reason' as const,
            errors: [fieldMessage(f.field, f.messageKey, lang)],
          })),
        );
      else message.error((e as Error).message);
    },
  });
  if (!q.data) return null; // not an access controller of this person's office: nothing to offer
  const a = q.data.account;
  return (
    <Card title={s('title')} className="no-print" data-testid="sign-in-panel" style={{ marginTop: 24 }}>
      <Typography.Paragraph type="secondary">{s('help')}</Typography.Paragraph>
      {!a ? (
        <Typography.Text>{s('noAccount')}</Typography.Text>
      ) : (
        <>
          <Descriptions size="small" column={1} bordered style={{ marginBottom: 12 }}>
            <Descriptions.Item label={s('authenticator')}>
              {a.authenticator ? s('set') : s('notSet')}
            </Descriptions.Item>
            <Descriptions.Item label={s('lastLogin')}>
              {a.lastLoginAt ? fmtDateTime(a.lastLoginAt, lang) : s('never')}
            </Descriptions.Item>
          </Descriptions>
          {a.isSelf ? (
            <Alert type="info" showIcon message={s('self')} />
          ) : (
            <Button
              danger
              icon={<SafetyOutlined aria-hidden />}
              onClick={() => {
                form.resetFields();
                setOpen(true);
              }}
            >
              {s('reset')}
            </Button>
          )}
          <Modal
            open={open}
            title={s('confirmTitle')}
            okText={s('reset')}
            okButtonProps={{ danger: true }}
            cancelText={s('cancel')}
            confirmLoading={reset.isPending}
            onCancel={() => setOpen(false)}
            onOk={async () => {
              const v = await form.validateFields().catch(() => null);
              if (v?.reason) reset.mutate({ userId: a.userId, reason: v.reason });
            }}
            destroyOnHidden
          >
            <Typography.Paragraph>{s('confirmHelp')}</Typography.Paragraph>
            <Form form={form} layout="vertical">
              <Form.Item
                name="reason"
                label={fieldLabel('reason', lang)}
                rules={[
                  { required: true, whitespace: true, message: fieldMessage('reason', 'err.required', lang) },
                ]}
              >
                <Input.TextArea rows={2} maxLength={300} />
              </Form.Item>
            </Form>
          </Modal>
        </>
      )}
    </Card>
  );
}
