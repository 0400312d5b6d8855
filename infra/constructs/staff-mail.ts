/**
 * The mail Cognito sends staff, in Chinese and English in one message (Cognito has no per-user language without a
 * custom-message trigger), and the sender: SES when configured (the built-in sender allows a few dozen mails a day
 * and only from no-reply@verificationemail.com), else Cognito's own. Cognito fills {username} and {####}.
 */
import { Aws } from 'aws-cdk-lib';
import {
  type UserInvitationConfig,
  UserPoolEmail,
  type UserVerificationConfig,
  VerificationEmailStyle,
} from 'aws-cdk-lib/aws-cognito';
import type { StaffIdentityConfig } from '../config';

export const INVITATION: UserInvitationConfig = {
  emailSubject: 'starmark 认证登记系统账户 / Your starmark registry account',
  emailBody: [
    '您好：',
    '',
    '认证机构已为您开通 starmark 认证登记系统的账户。',
    '用户名：{username}',
    '临时密码：{####}',
    '请在 3 天内登录，设置新密码并绑定身份验证器应用。',
    '',
    '---',
    '',
    'Hello,',
    '',
    'The certification body has opened a starmark registry account for you.',
    'User name: {username}',
    'Temporary password: {####}',
    'Sign in within 3 days to set a new password and enrol an authenticator app.',
  ].join('<br>'),
};

export const VERIFICATION: UserVerificationConfig = {
  emailSubject: 'starmark 验证码 / Your starmark verification code',
  emailBody: [
    '您的验证码是 {####}。如非本人操作，请忽略本邮件。',
    '',
    'Your verification code is {####}. If you did not ask for it, ignore this message.',
  ].join('<br>'),
  emailStyle: VerificationEmailStyle.CODE,
};

export function staffMailSender(
  identity: Extract<StaffIdentityConfig, { kind: 'cognito' }>,
): UserPoolEmail | undefined {
  if (!identity.ses) return undefined;
  return UserPoolEmail.withSES({
    fromEmail: identity.ses.fromAddress,
    fromName: identity.ses.fromName ?? 'starmark',
    // The stack's own region unless told otherwise (SES must be out of its sandbox there).
    sesRegion: identity.ses.region ?? Aws.REGION,
    sesVerifiedDomain: identity.ses.fromAddress.slice(identity.ses.fromAddress.indexOf('@') + 1),
  });
}
