/** The clouds a Choreo-managed Redis data store runs on. */
export enum Cloud {
  AWS = 'aws',
  AZURE = 'azure',
  GCP = 'gcp',
  DIGITALOCEAN = 'digitalocean',
}
