/**
 * Sending e-mail by SES, least privilege: ses:SendEmail on the sender's identities (the address, or its domain,
 * whichever was verified) and only with that From address. Given to each function that sends e-mail, and no other.
 */
import { Arn, Stack } from 'aws-cdk-lib';
import { type IRole, PolicyStatement } from 'aws-cdk-lib/aws-iam';

export function grantSendEmail(role: IRole, from: string, sid: string): void {
  const stack = Stack.of(role);
  const identity = (name: string) => Arn.format({ service: 'ses', resource: 'identity', resourceName: name }, stack);
  role.addToPrincipalPolicy(
    new PolicyStatement({
      sid,
      actions: ['ses:SendEmail'],
      resources: [identity(from), identity(from.slice(from.indexOf('@') + 1))],
      conditions: { StringEquals: { 'ses:FromAddress': from } },
    }),
  );
}
